// Dates as pipelines use them (tags, timestamps); explicit zones keep the output stable.
import java.text.SimpleDateFormat
def utc = TimeZone.getTimeZone('UTC')
def sh = TimeZone.getTimeZone('Asia/Shanghai')
def d = new Date(1700000000123L)
println d.format('yyyy-MM-dd HH:mm:ss.SSS', utc)
println d.format("yyyyMMdd'T'HHmmss", sh)
println d.format('EEE, d MMM yyyy hh:mm a z Z', utc)
println d.format('yy/M/d EEEE MMMM D', sh)
println d.time
println d.getTime()
def f = new SimpleDateFormat('yyyy-MM-dd HH:mm')
f.setTimeZone(utc)
println f.format(d)
println f.parse('2024-02-29 13:45').time
println((d + 1).format('yyyy-MM-dd', utc))
println((d - 30).format('yyyy-MM-dd', utc))
println d.before(new Date(1800000000000L))
println new Date(0).format("yyyy-MM-dd'T'HH:mm:ssXXX", utc)
println new Date(0) < new Date(1)
println new Date(5) == new Date(5)
