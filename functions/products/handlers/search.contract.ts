import { contract } from '../../lib/contract';
import { SearchPage } from '../response-schemas';
import { SearchQuery } from '../schemas';

export default contract({
  route: 'products.search',
  // a plain HTML form sends every field ("all categories" is `category=`): the chain drops empty values
  query: SearchQuery,
  openapi: () => ({
    response: {
      status: 200,
      schema: SearchPage,
      description: 'Results across every village; each names its village',
    },
  }),
});
