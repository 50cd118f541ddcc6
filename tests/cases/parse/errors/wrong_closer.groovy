def total = (price + tax]
