// Styles and images mean nothing to jsdom: stylesheets are not injected (jsdom cannot parse their nesting) and
// assets become a name.
function styleInject() {}
module.exports = { __esModule: true, default: styleInject };
