"""Key derivation and wrapping. The only layer that imports `cryptography`."""
