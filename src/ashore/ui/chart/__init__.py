"""The figures as a picture: the matplotlib canvas and what it plots."""
