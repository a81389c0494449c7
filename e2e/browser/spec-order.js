/**
 * The browser specs share one server, one organisation and one sandbox world, and some change what the next one
 * meets (a refused token and its reconnect, faults on Meta's reads, the jobs a reconnect starts). Without a timing
 * cache Jest orders files by size, so adding a line to one spec reshuffled the suite. This runs them in one fixed
 * order: the phone-width walk first, on a freshly connected account, the specs that break the connection last; new
 * specs go alphabetically before those.
 */
const Sequencer = require('@jest/test-sequencer').default;
const path = require('node:path');

const FIRST = ['phone-width', 'user-guide', 'lead-fields', 'insights', 'ads', 'organisations', 'lead-duplicates', 'leads-work'];
const LAST = [
  'alerts',
  'audit-log',
  'lead-drawer',
  'meta-connect',
  'conversions',
  'lead-capture',
  'webhooks',
  'connection-health',
  'roles',
  'catalog',
  'any-address',
  'setup-problems',
  'login-users',
  'console-errors',
  'console-size',
];

function rank(test) {
  const name = path.basename(test.path).replace(/\.spec\.ts$/, '');
  if (FIRST.includes(name)) return [0, FIRST.indexOf(name), name];
  if (LAST.includes(name)) return [2, LAST.indexOf(name), name];
  return [1, 0, name];
}

class SpecOrder extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => {
      const [ga, ia, na] = rank(a);
      const [gb, ib, nb] = rank(b);
      return ga - gb || ia - ib || na.localeCompare(nb);
    });
  }
}

module.exports = SpecOrder;
