// vars/foo.groovy style: an object with call() can be invoked like a method
class Notifier {
  def sent = []
  def call(String msg) { sent << msg; "sent:${msg}" }
  def call(Map args) { sent << "${args.channel}:${args.text}"; 'map' }
}
def notify = new Notifier()
println notify('hello')
println notify(channel: '#ci', text: 'done')
println notify.call('direct')
println notify.sent
def c = { x -> x * 2 }
println c(4) + c.call(5)
