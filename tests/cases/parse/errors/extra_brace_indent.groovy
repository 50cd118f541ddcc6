pipeline {
    stages {
        stage('Test') {

            }
            steps {
                sh 'ls'
            }
        }
    }
}
