"""PDF documents (reportlab). The only layer that imports reportlab."""
