if (a === b) { }
