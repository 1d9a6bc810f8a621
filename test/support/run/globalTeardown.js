// @ts-check
/** Jest global teardown: removes the run's temporary directory (see runTemp.js). */
const { leaveRunTemp } = require('./runTemp');

module.exports = async function globalTeardown() {
  leaveRunTemp();
};
