class Service {
  String name
  int port = 8080
  List<String> tags = []
  static int count = 0
  Service(String name) { this.name = name; count++ }
  Service(String name, int port) { this.name = name; this.port = port; count++ }
  String url() { "http://${name}:${port}" }
  String toString() { "Service(${name}, ${port}, ${tags})" }
}
def a = new Service('api')
def b = new Service('web', 9090)
b.tags << 'frontend'
println a.url()
println b
println Service.count
println a.port + b.port
println([a, b]*.name)
