class Point extends Base implements Serializable, Comparable<Point> {
    static final int ORIGIN = 0
    int x, y
    private String label = 'p'

    Point(int x, int y) {
        this.x = x
        this.y = y
    }

    static Point of(int x) { new Point(x, 0) }

    int compareTo(Point o) { x <=> o.x }

    String toString() { "($x, $y)" }
}

enum Color { RED, GREEN, BLUE }

enum Level {
    LOW('l'), HIGH('h');
    final String code
    Level(String code) { this.code = code }
}

interface Greeter {
    String greet(String name)
}

abstract class Shape {
    abstract double area()
    static { println 'loaded' }
}
