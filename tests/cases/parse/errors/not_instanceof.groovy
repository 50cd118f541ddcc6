if (x !instanceof String) { }
