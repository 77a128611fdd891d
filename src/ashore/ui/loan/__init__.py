"""The loans: the sidebar that lists them, the dashboard over all of them, one loan's overview
and its form."""
