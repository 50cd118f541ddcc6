def opts = [timeout: 10 retries: 3]
