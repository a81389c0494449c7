import { QueryFailedError } from 'typeorm';
import { isDependencyUnavailable } from './dependency-unavailable';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe(isDependencyUnavailable.name, () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a reset connection', withCode('ECONNRESET')],
    ['an unknown host', withCode('ENOTFOUND')],
    ['an administrator shutdown (57P01)', withCode('57P01', 'terminating connection due to administrator command')],
    ['a server starting up (57P03)', withCode('57P03', 'the database system is starting up')],
    ['too many connections (53300)', withCode('53300', 'sorry, too many clients already')],
    ['a connection exception (08006)', withCode('08006')],
    ["node-postgres' lost connection", new Error('Connection terminated unexpectedly')],
    ["pg-pool's connect timeout", new Error('timeout exceeded when trying to connect')],
    ['a client whose connection failed', new Error('Client has encountered a connection error and is not queryable')],
    [
      'TypeORM before the connection exists',
      Object.assign(new Error('Cannot execute operation'), { name: 'CannotExecuteNotConnectedError' }),
    ],
    ['every address of a host refused', new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')])],
    ['a lost connection under a QueryFailedError', new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly'))],
  ])('recognises %s', (_, error) => {
    expect(isDependencyUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', new QueryFailedError('INSERT', [], withCode('23505', 'duplicate key value'))],
    ['a bad byte sequence', new QueryFailedError('SELECT', [], withCode('22021', 'invalid byte sequence for encoding "UTF8": 0x00'))],
    ['a numeric overflow', new QueryFailedError('SELECT', [], withCode('22003', 'bigint out of range'))],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a Meta error code (a number)', Object.assign(new Error('Graph'), { code: 190 })],
    ['nothing', undefined],
    ['a string', 'ECONNREFUSED'],
  ])('leaves %s to the other answers', (_, error) => {
    expect(isDependencyUnavailable(error)).toBe(false);
  });
});
