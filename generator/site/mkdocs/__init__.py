"""The MkDocs engine adapter: the only package that knows MkDocs and Material."""
