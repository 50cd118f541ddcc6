def n = 09
