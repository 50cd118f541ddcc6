pipeline {
    agent any
    options {
        parameters([string(name: 'X')])
        echo 'not an option'
    }
    triggers {
        cron()
        [$class: 'TimerTrigger', spec: '@daily']
    }
    parameters {
        booleanParam(name: 'FLAG', defaultValu: true)
        string(name: 42)
    }
    stages {
        stage('a') {
            options {
                skipStagesAfterUnstable()
            }
            input {
                ok 'Go'
            }
            steps {
                echo 'a'
            }
        }
    }
    post {
        echo 'bye'
        always {
            echo 'always'
        }
        always {
            echo 'again'
        }
        failure { }
    }
}
