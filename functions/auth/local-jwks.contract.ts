import { contract } from '../lib/contract';

export default contract({ route: 'local.jwks' });
