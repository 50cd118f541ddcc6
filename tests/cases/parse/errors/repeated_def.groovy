def def version = '1.0'
