def xs = [1, 2, 3, 4, 5]
def view = xs.subList(1, 3)
view[0] = 20
println xs
view.clear()
println xs
def copy = xs[0..1]
copy[0] = 100
println xs
println copy
def ys = [0] * 3
ys[1] = 9
println ys
def grid = [[0] * 2] * 2
grid[0][0] = 1
println grid
println Collections.nCopies(3, 'x')
