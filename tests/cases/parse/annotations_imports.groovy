@Library('lib@ref') _
@Library(['a@1', 'b']) _
@Library('x')
import com.example.Helper
import groovy.json.JsonSlurper
import groovy.json.*
import static java.lang.Math.max
import static java.lang.Math.*
import java.util.concurrent.TimeUnit as TU
@Grab(group = 'org.x', module = 'y', version = '1.0')
import org.x.Y
