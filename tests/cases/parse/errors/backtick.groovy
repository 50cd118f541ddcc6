def files = `ls -1`
