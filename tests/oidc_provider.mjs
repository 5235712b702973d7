// A real OpenID Connect provider for the sign-in tests: npm's
// oauth2-mock-server (discovery, authorization code with PKCE and nonce,
// token endpoint, JWKS), started on 127.0.0.1 on a free port. It signs
// people in without a form; this launcher adds what the tests steer:
//
//   POST /control/person  {"sub", "email", "name"}  who signs in from now on
//   POST /control/tamper  {"claims": {...}, "key": "retired" | "stranger"}
//                         changes the next ID token only: claims overridden
//                         (exp, aud, iss, nonce…), or signed with a key the
//                         provider withdrew or never published
//   POST /control/rotate  a new signing key; the old one leaves the JWKS
//
// It prints one line, {"issuer": "http://127.0.0.1:<port>"}, once ready,
// and runs until it is killed.

import http from 'node:http';
import { OAuth2Issuer, OAuth2Service } from 'oauth2-mock-server';
import { SignJWT, decodeJwt, importJWK, generateKeyPair } from 'jose';

const issuer = new OAuth2Issuer();
let current = await issuer.keys.generate('RS256', { kid: 'key-1' });
const published = new Set([current.kid]);
let retired = null;
let person = { sub: 'ada', email: 'ada@example.org', name: 'Ada Lovelace', email_verified: true };
let tamper = null;

const service = new OAuth2Service(issuer);

// Every ID token leaves signed by the launcher: with the current key and
// the person of the moment, or as the next tamper says. The service's
// events cannot wait for signing, so the token endpoint's answer is
// caught on its way out instead.
async function resign(body) {
  const answer = JSON.parse(body);
  if (!answer.id_token) return body;
  const claims = { ...decodeJwt(answer.id_token), ...person, ...(tamper?.claims ?? {}) };
  const signer = await signingKey(tamper?.key);
  tamper = null;
  answer.id_token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: signer.kid })
    .sign(signer.key);
  return JSON.stringify(answer);
}

function withTokensResigned(response) {
  const end = response.end.bind(response);
  response.end = (chunk, ...rest) => {
    resign(String(chunk ?? '')).then((body) => {
      response.setHeader('content-length', Buffer.byteLength(body));
      end(body);
    }, (error) => {
      response.statusCode = 500;
      end(String(error));
    });
    return response;
  };
  return response;
}

async function signingKey(which) {
  if (which === 'stranger') {
    const { privateKey } = await generateKeyPair('RS256');
    // The published key's id, so only the signature gives it away.
    return { kid: current.kid, key: privateKey };
  }
  const jwk = which === 'retired' ? retired : current;
  if (!jwk) throw new Error('no retired key yet: rotate first');
  const secret = issuer.keys.toJSON(true).find((k) => k.kid === jwk.kid);
  return { kid: jwk.kid, key: await importJWK(secret, 'RS256') };
}

async function control(path, body) {
  if (path === '/control/person') person = { email_verified: true, ...body };
  else if (path === '/control/tamper') tamper = body;
  else if (path === '/control/rotate') {
    retired = current;
    current = await issuer.keys.generate('RS256', { kid: `key-${published.size + 1}` });
    published.delete(retired.kid);
    published.add(current.kid);
  } else return false;
  return true;
}

const server = http.createServer(async (request, response) => {
  if (request.method === 'GET' && request.url === '/jwks') {
    const keys = issuer.keys.toJSON().filter((k) => published.has(k.kid));
    response.setHeader('content-type', 'application/json');
    return response.end(JSON.stringify({ keys }));
  }
  if (request.method === 'POST' && request.url.startsWith('/control/')) {
    let text = '';
    for await (const chunk of request) text += chunk;
    const known = await control(request.url, text ? JSON.parse(text) : {});
    response.statusCode = known ? 204 : 404;
    return response.end();
  }
  const tokens = request.method === 'POST' && request.url.startsWith('/token');
  return service.requestHandler(request, tokens ? withTokensResigned(response) : response);
});

server.listen(0, '127.0.0.1', () => {
  issuer.url = `http://127.0.0.1:${server.address().port}`;
  console.log(JSON.stringify({ issuer: issuer.url }));
});
