pipeline {
    agent any
    properties {
        buildDiscarder(logRotator(numToKeepStr: '5'))
    }
    notifications {
        always {
            echo 'done'
        }
    }
    stages {
        stage('a') {
            steps {
                echo 'a'
            }
        }
    }
    node {
        echo 'what?'
    }
}
