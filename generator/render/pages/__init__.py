"""Page kinds: one module per kind (view to page, naming its template); `registry` lists them."""
