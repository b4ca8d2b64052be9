"""Files the project hands out: safe CSV, the data package, standalone chart HTML, PNG and print SVG."""
