// Swagger UI on the API's OpenAPI document, from the vendored bundle. validatorUrl: null keeps
// it from sending the document to validator.swagger.io.
(function () {
  "use strict";
  var holder = document.getElementById("swagger-ui");
  if (!holder || typeof window.SwaggerUIBundle === "undefined") {
    return;
  }
  window.SwaggerUIBundle({
    url: holder.getAttribute("data-url"),
    domNode: holder,
    validatorUrl: null,
    deepLinking: false
  });
})();
