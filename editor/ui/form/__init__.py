"""The front-matter form: fields, chips, other fields and the header/inline image widgets.
Uses widgets/ and core; never window/."""
