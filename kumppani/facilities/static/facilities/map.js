/* Facility map: progressive enhancement of the catalogue list (the list works without it). */
(function () {
  "use strict";
  var element = document.getElementById("facility-map");
  var data = document.getElementById("facility-markers");
  if (!element || !data || typeof L === "undefined") { return; }
  var markers = JSON.parse(data.textContent);
  if (!markers.length) { return; }
  element.hidden = false;
  var map = L.map(element, { scrollWheelZoom: false });
  L.tileLayer(element.dataset.tiles, {
    attribution: element.dataset.attribution,
    maxZoom: 19
  }).addTo(map);
  var bounds = [];
  markers.forEach(function (item) {
    var marker = L.circleMarker([item.lat, item.lon], {
      radius: 9, weight: 2, color: "#1b1b1b", fillColor: "#0a4f8a", fillOpacity: 0.9
    }).addTo(map);
    var link = document.createElement("a");
    link.href = item.url;
    link.textContent = item.name;
    marker.bindPopup(link);
    bounds.push([item.lat, item.lon]);
  });
  map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 });
})();
