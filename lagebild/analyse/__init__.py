"""Analysis components (each a pure function of an Analysis) and the pipeline that runs them."""
