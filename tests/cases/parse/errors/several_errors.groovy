a = (1 +

def b = [1, 2

c = 3 +
