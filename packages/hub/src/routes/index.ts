import type { FastifyInstance } from "fastify";
import { getConversion } from "./analytics/getConversion.js";
import { getForecast } from "./analytics/getForecast.js";
import { getFunnel } from "./analytics/getFunnel.js";
import { listAuditEvents } from "./auditEvents/listAuditEvents.js";
import { createConnection } from "./connections/createConnection.js";
import { disableConnection } from "./connections/disableConnection.js";
import { getConnection } from "./connections/getConnection.js";
import { importConnectionFile } from "./connections/importConnectionFile.js";
import { listConnections } from "./connections/listConnections.js";
import { startConnectionOAuth } from "./connections/startConnectionOAuth.js";
import { testConnection } from "./connections/testConnection.js";
import { updateConnection } from "./connections/updateConnection.js";
import { listConnectors } from "./connectors/listConnectors.js";
import { createCustomer } from "./customers/createCustomer.js";
import { getCustomer } from "./customers/getCustomer.js";
import { listCustomers } from "./customers/listCustomers.js";
import { listInbox } from "./inbox/listInbox.js";
import { replayInboxEntry } from "./inbox/replayInboxEntry.js";
import { assignLead } from "./leads/assignLead.js";
import { createLead } from "./leads/createLead.js";
import { getAssignmentRules } from "./leads/getAssignmentRules.js";
import { getLead } from "./leads/getLead.js";
import { listLeads } from "./leads/listLeads.js";
import { listLeadTouchpoints } from "./leads/listLeadTouchpoints.js";
import { overrideLeadGrade } from "./leads/overrideLeadGrade.js";
import { replaceAssignmentRules } from "./leads/replaceAssignmentRules.js";
import { transferLead } from "./leads/transferLead.js";
import { updateLead } from "./leads/updateLead.js";
import { changeOpportunityStage } from "./opportunities/changeOpportunityStage.js";
import { closeOpportunity } from "./opportunities/closeOpportunity.js";
import { createOpportunity } from "./opportunities/createOpportunity.js";
import { getOpportunity } from "./opportunities/getOpportunity.js";
import { listOpportunities } from "./opportunities/listOpportunities.js";
import { listOpportunityActivities } from "./opportunities/listOpportunityActivities.js";
import { recordOpportunityActivity } from "./opportunities/recordOpportunityActivity.js";
import { transferOpportunity } from "./opportunities/transferOpportunity.js";
import { getOrderRules } from "./orderRules/getOrderRules.js";
import { replaceOrderRules } from "./orderRules/replaceOrderRules.js";
import { listOrderSyncs } from "./orderSyncs/listOrderSyncs.js";
import { replayOrderSync } from "./orderSyncs/replayOrderSync.js";
import { changeOrderStatus } from "./orders/changeOrderStatus.js";
import { createOrder } from "./orders/createOrder.js";
import { decideOrderChange } from "./orders/decideOrderChange.js";
import { generateOrderContract } from "./orders/generateOrderContract.js";
import { getOrder } from "./orders/getOrder.js";
import { getOrderStatistics } from "./orders/getOrderStatistics.js";
import { listOrders } from "./orders/listOrders.js";
import { putContractTemplate } from "./orders/putContractTemplate.js";
import { recordOrderApproval } from "./orders/recordOrderApproval.js";
import { requestOrderChange } from "./orders/requestOrderChange.js";
import { signOrderContract } from "./orders/signOrderContract.js";
import { submitOrder } from "./orders/submitOrder.js";
import { createSalesperson } from "./salespeople/createSalesperson.js";
import { getSalesperson } from "./salespeople/getSalesperson.js";
import { listSalespeople } from "./salespeople/listSalespeople.js";
import { updateSalesperson } from "./salespeople/updateSalesperson.js";
import { createStore } from "./stores/createStore.js";
import { getStore } from "./stores/getStore.js";
import { listStores } from "./stores/listStores.js";
import { updateStore } from "./stores/updateStore.js";
import { completeTask } from "./tasks/completeTask.js";
import { listTasks } from "./tasks/listTasks.js";
import { snoozeTask } from "./tasks/snoozeTask.js";
import { createTeam } from "./teams/createTeam.js";
import { getTeam } from "./teams/getTeam.js";
import { listTeams } from "./teams/listTeams.js";
import { updateTeam } from "./teams/updateTeam.js";
import { getWebhookDelivery } from "./webhookDeliveries/getWebhookDelivery.js";
import { listWebhookDeliveries } from "./webhookDeliveries/listWebhookDeliveries.js";
import { replayWebhookDelivery } from "./webhookDeliveries/replayWebhookDelivery.js";
import { createWebhookEndpoint } from "./webhookEndpoints/createWebhookEndpoint.js";
import { deleteWebhookEndpoint } from "./webhookEndpoints/deleteWebhookEndpoint.js";
import { getWebhookEndpoint } from "./webhookEndpoints/getWebhookEndpoint.js";
import { listWebhookEndpoints } from "./webhookEndpoints/listWebhookEndpoints.js";
import { rotateWebhookEndpointSecret } from "./webhookEndpoints/rotateWebhookEndpointSecret.js";
import { testWebhookEndpoint } from "./webhookEndpoints/testWebhookEndpoint.js";
import { updateWebhookEndpoint } from "./webhookEndpoints/updateWebhookEndpoint.js";

/** Every /v1 route, one a file. The tenant-isolation tests walk this table. */
export const V1_ROUTES = [
  createStore,
  listStores,
  getStore,
  updateStore,
  createTeam,
  listTeams,
  getTeam,
  updateTeam,
  createSalesperson,
  listSalespeople,
  getSalesperson,
  updateSalesperson,
  listAuditEvents,
  createLead,
  listLeads,
  getLead,
  updateLead,
  assignLead,
  transferLead,
  overrideLeadGrade,
  listLeadTouchpoints,
  getAssignmentRules,
  replaceAssignmentRules,
  listTasks,
  completeTask,
  snoozeTask,
  createCustomer,
  listCustomers,
  getCustomer,
  createOpportunity,
  listOpportunities,
  getOpportunity,
  changeOpportunityStage,
  transferOpportunity,
  closeOpportunity,
  recordOpportunityActivity,
  listOpportunityActivities,
  getFunnel,
  getForecast,
  getConversion,
  createOrder,
  listOrders,
  getOrder,
  submitOrder,
  recordOrderApproval,
  changeOrderStatus,
  requestOrderChange,
  decideOrderChange,
  generateOrderContract,
  signOrderContract,
  putContractTemplate,
  getOrderRules,
  replaceOrderRules,
  getOrderStatistics,
  createWebhookEndpoint,
  listWebhookEndpoints,
  getWebhookEndpoint,
  updateWebhookEndpoint,
  deleteWebhookEndpoint,
  rotateWebhookEndpointSecret,
  testWebhookEndpoint,
  listWebhookDeliveries,
  getWebhookDelivery,
  replayWebhookDelivery,
  listConnectors,
  createConnection,
  listConnections,
  getConnection,
  updateConnection,
  disableConnection,
  testConnection,
  importConnectionFile,
  listInbox,
  replayInboxEntry,
  startConnectionOAuth,
  listOrderSyncs,
  replayOrderSync,
] as const;

export function registerV1Routes(app: FastifyInstance): void {
  for (const register of V1_ROUTES) register(app);
}
