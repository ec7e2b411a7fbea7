module.exports = require('./dist/verifyCredentials');
