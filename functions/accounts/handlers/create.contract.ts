import { contract } from '../../lib/contract';
import { AccountsParams, CreatedAccount, NewAccount } from '../schemas';

export default contract({
  route: 'accounts.create',
  params: AccountsParams,
  body: NewAccount,
  openapi: () => ({
    response: {
      status: 201,
      schema: CreatedAccount,
      description: 'created; on AWS Cognito e-mails the temporary password, locally it is answered here once',
    },
    alsoResponses: [
      { status: 200, schema: CreatedAccount, description: 'the same request again: the account' },
    ],
  }),
});
