// @ts-check
/** Jest global setup: the run's temporary directory (see runTemp.js). */
const { enterRunTemp } = require('./runTemp');

module.exports = async function globalSetup() {
  enterRunTemp();
};
