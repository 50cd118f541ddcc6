def v = list?.[0]
