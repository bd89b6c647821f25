#!/usr/bin/env python3
"""A local OAuth 2.1 issuer for the tests, built on PyJWT (a real JOSE library).

It serves RFC 8414 metadata and a JWKS (one RSA and one P-256 key) over HTTP, and signs access
tokens on request, good and bad, so that the server's resource-server checks are tested against
tokens it did not make itself:

    GET /.well-known/oauth-authorization-server   issuer metadata with jwks_uri
    GET /jwks                                     the public keys (kids rsa-1, ec-1)
    GET /token?kind=KIND&aud=AUD&scope=S          a token; KIND is one of
        good (RS256), es256, expired, not-yet, wrong-aud, wrong-iss, bad-sig (signed by another
        key under kid rsa-1), hs256 (HMAC over the RSA public key: the algorithm-confusion
        attack), unknown-kid, no-exp
        optional: sub=NAME (default operator@example.com), groups=G1,G2 (a `groups` claim, a
        JSON list), ttl=SECONDS (lifetime of a good token, default 600)
    GET /rotate                                   new keys (the old ones stop verifying)

Usage: oauth_issuer.py [--port 0] [--host 127.0.0.1] [--keys FILE]; prints "issuer ready URL"
once it listens. With --keys, the keys are read from FILE (PEM) or written there the first time,
so that a restarted issuer keeps its JWKS (the real-cloud recipe runs it that way on :9400 for
Keystone federation); /rotate then rewrites the file.
"""
import argparse
import base64
import hashlib
import hmac
import json
import os
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa


class Keys:
    def __init__(self, path=None):
        self.lock = threading.Lock()
        self.path = path
        if path and os.path.exists(path):
            self.load(path)
        else:
            self.rotate()

    def rotate(self):
        with self.lock:
            self.rsa = rsa.generate_private_key(public_exponent=65537, key_size=2048)
            self.ec = ec.generate_private_key(ec.SECP256R1())
            self.other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
            if self.path:
                self.save(self.path)

    def save(self, path):
        pems = [key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                  serialization.NoEncryption()).decode()
                for key in (self.rsa, self.ec, self.other)]
        fd = os.open(path + ".tmp", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as out:
            json.dump(pems, out)
        os.replace(path + ".tmp", path)

    def load(self, path):
        with open(path) as source:
            pems = json.load(source)
        self.rsa, self.ec, self.other = (
            serialization.load_pem_private_key(pem.encode(), password=None) for pem in pems)

    def jwks(self):
        with self.lock:
            rsa_jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.rsa.public_key()))
            ec_jwk = json.loads(jwt.algorithms.ECAlgorithm.to_jwk(self.ec.public_key()))
        rsa_jwk.update(kid="rsa-1", alg="RS256", use="sig")
        ec_jwk.update(kid="ec-1", alg="ES256", use="sig")
        return {"keys": [rsa_jwk, ec_jwk]}


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def make_token(keys, issuer, kind, audience, scope, sub="operator@example.com", groups=None, ttl=600):
    now = int(time.time())
    claims = {"iss": issuer, "sub": sub, "aud": audience, "iat": now,
              "exp": now + ttl, "scope": scope, "client_id": "e2e"}
    if groups is not None:
        claims["groups"] = groups
    kid, key, alg = "rsa-1", keys.rsa, "RS256"
    if kind == "es256":
        kid, key, alg = "ec-1", keys.ec, "ES256"
    elif kind == "expired":
        claims.update(iat=now - 3600, exp=now - 600)
    elif kind == "not-yet":
        claims.update(nbf=now + 600)
    elif kind == "wrong-aud":
        claims["aud"] = "https://some-other-service.example.com"
    elif kind == "wrong-iss":
        claims["iss"] = "https://evil.example.com"
    elif kind == "bad-sig":
        key = keys.other
    elif kind == "unknown-kid":
        kid = "rotated-away"
    elif kind == "no-exp":
        del claims["exp"]
    elif kind == "hs256":
        public_pem = keys.rsa.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        header = b64url(json.dumps({"alg": "HS256", "typ": "at+jwt", "kid": kid}).encode())
        payload = b64url(json.dumps(claims).encode())
        signature = hmac.new(public_pem, f"{header}.{payload}".encode(), hashlib.sha256).digest()
        return f"{header}.{payload}.{b64url(signature)}"
    elif kind != "good":
        raise ValueError(kind)
    return jwt.encode(claims, key, algorithm=alg, headers={"kid": kid, "typ": "at+jwt"})


def serve(port, host="127.0.0.1", keys_path=None):
    keys = Keys(keys_path)
    state = {}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def answer(self, status, body, content_type="application/json"):
            data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            url = urlparse(self.path)
            query = {k: v[0] for k, v in parse_qs(url.query).items()}
            issuer = state["issuer"]
            if url.path == "/.well-known/oauth-authorization-server":
                self.answer(200, {"issuer": issuer, "jwks_uri": issuer + "/jwks",
                                  "token_endpoint": issuer + "/token", "response_types_supported": ["code"]})
            elif url.path == "/jwks":
                state["jwks_fetches"] = state.get("jwks_fetches", 0) + 1
                self.answer(200, keys.jwks())
            elif url.path == "/token":
                groups = query.get("groups")
                try:
                    token = make_token(keys, issuer, query.get("kind", "good"),
                                       query.get("aud", ""), query.get("scope", "openstack:read"),
                                       sub=query.get("sub", "operator@example.com"),
                                       groups=[g for g in groups.split(",") if g] if groups is not None else None,
                                       ttl=int(query.get("ttl", "600")))
                except ValueError as error:
                    self.answer(400, {"error": f"unknown kind {error}"})
                    return
                self.answer(200, token, "text/plain")
            elif url.path == "/rotate":
                keys.rotate()
                self.answer(200, {"rotated": True})
            elif url.path == "/stats":
                self.answer(200, {"jwks_fetches": state.get("jwks_fetches", 0)})
            else:
                self.answer(404, {"error": "not found"})

    # A child of the Swift test runner inherits its blocked signals: without this, SIGTERM from the
    # tests' stop() is never delivered and the issuer outlives the run.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    server = ThreadingHTTPServer((host, port), Handler)
    state["issuer"] = f"http://{host}:{server.server_address[1]}"
    print(f"issuer ready {state['issuer']}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--keys", help="PEM keys file: read if present, else written")
    arguments = parser.parse_args()
    serve(arguments.port, arguments.host, arguments.keys)
    sys.exit(0)
