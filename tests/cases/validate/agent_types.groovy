pipeline {
    agent { ec2 'big' }
    stages {
        stage('a') {
            agent label
            steps {
                echo 'a'
            }
        }
        stage('b') {
            agent {
                docker {
                    args '-v /tmp:/tmp'
                    pull true
                }
            }
            steps {
                echo 'b'
            }
        }
    }
}
