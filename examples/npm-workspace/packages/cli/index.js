import { answer } from '@acme/core'; console.log(answer);
