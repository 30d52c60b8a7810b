"""The web dashboard, served by the API's app: network, dyad timeline, events, articles, alerts."""
