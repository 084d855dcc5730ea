// npm scripts run on the pinned Node 24 from the `node` devDependency; fail loudly if not.
const major = Number(process.versions.node.split('.')[0]);
if (major !== 24) {
  console.error(`Smart Kampung needs Node 24 (Lambda's runtime); this script ran on ${process.version}.`);
  console.error('Run it through npm (npm test / npm start) so node_modules/.bin/node is used.');
  process.exit(1);
}
