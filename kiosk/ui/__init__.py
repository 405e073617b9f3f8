"""The Qt Quick guest app: view-models over the pure layers, and the QML screens."""
