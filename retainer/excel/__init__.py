"""Excel files: safe cell values and atomic writes. openpyxl is imported only when used."""
