pipeline {
    stages {
        stage('A') {
            steps {
                sh(label 'a')
            }
        }
        stage('B') {
            steps {
                git branch: 'x' url: 'y'
            }
        }
        stage('C') {
            steps {
                echo "done ${x"
                def class = 1
            }
        }
    }
}
