def a = 1
echo "not closed
def b = 2
