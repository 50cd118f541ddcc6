pipeline {
    agent any
    stages {
        stage('Deploy') {
            when {
                branchName 'main'
                not {
                    branch 'a'
                    branch 'b'
                }
                anyOf { }
                environment name: 'DEPLOY'
                changelog '[unclosed'
                params.deploy == true
            }
            steps {
                echo 'deploying'
            }
        }
    }
}
