"""Exporters: write the marts to files. They read finished tables and never compute metrics."""
