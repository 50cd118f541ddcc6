if (x !in list) { }
