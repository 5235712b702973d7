// Draws Tally's API document (/api/openapi.json) with Swagger UI, from the
// files beside this one (swagger-ui-dist 5.36.0 from npm, unchanged; its
// licence is LICENSE and NOTICE here). Nothing is loaded from elsewhere.
window.addEventListener('DOMContentLoaded', () => {
  window.ui = SwaggerUIBundle({
    url: '/api/openapi.json',
    dom_id: '#api',
    deepLinking: true,
    // Requests made with "Try it out" go to this server only.
    validatorUrl: null,
    tryItOutEnabled: false,
    docExpansion: 'list',
    defaultModelsExpandDepth: 0,
  });
});
